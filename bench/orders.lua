-- POST /v1/orders with an Idempotency-Key of its own per request: one unit of a product picked at random from the
-- first ORDER_PRODUCTS seeded ones (IDS_FILE), for the customer CUSTOMER. Counts 201s; anything else is an error.
local ids = {}
local token = os.getenv("TOKEN")
local customer = os.getenv("CUSTOMER")
local limit = tonumber(os.getenv("ORDER_PRODUCTS") or "100")
local prefix = ""
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_no", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    if #ids < limit then
      ids[#ids + 1] = line
    end
  end
  prefix = string.format("bench-%d-%d-", os.time(), thread_no or 0)
  math.randomseed(os.time() + (thread_no or 0) * 7919)
end

function request()
  counter = counter + 1
  local body = string.format('{"customer_id":"%s","lines":[{"product_id":"%s","quantity":1}]}',
    customer, ids[math.random(#ids)])
  return wrk.format("POST", "/v1/orders", {
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = prefix .. counter,
  }, body)
end

function response(status)
  if status ~= 201 then
    error("unexpected status " .. status)
  end
end
