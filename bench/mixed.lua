-- A mixed run: nine reads of a random product (IDS_FILE) to one order of a random one of the first ORDER_PRODUCTS
-- (with its own Idempotency-Key), as a shop front with a busy catalog and a steady trickle of orders would send.
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
    ids[#ids + 1] = line
  end
  prefix = string.format("mixed-%d-%d-", os.time(), thread_no or 0)
  math.randomseed(os.time() + (thread_no or 0) * 104729)
end

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    local body = string.format('{"customer_id":"%s","lines":[{"product_id":"%s","quantity":1}]}',
      customer, ids[math.random(math.min(limit, #ids))])
    return wrk.format("POST", "/v1/orders", {
      ["Accept"] = "application/json",
      ["Content-Type"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
      ["Idempotency-Key"] = prefix .. counter,
    }, body)
  end
  return wrk.format("GET", "/v1/products/" .. ids[math.random(#ids)], {
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  })
end

function response(status)
  if status ~= 200 and status ~= 201 then
    error("unexpected status " .. status)
  end
end
