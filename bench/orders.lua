-- POST /v1/orders with an Idempotency-Key of its own per request: one unit of a product picked at random from the
-- first ORDER_PRODUCTS seeded ones (IDS_FILE), for the customer CUSTOMER. With READS_PER_ORDER=n (default 0), n
-- reads of a random product (GET /v1/products/{id}) come before each order: the mixed run, as a shop front with a
-- busy catalog and a steady trickle of orders would send. Anything but 200 and 201 is an error.
local ids = {}
local token = os.getenv("TOKEN")
local customer = os.getenv("CUSTOMER")
local limit = tonumber(os.getenv("ORDER_PRODUCTS") or "100")
local reads = tonumber(os.getenv("READS_PER_ORDER") or "0")
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
  prefix = string.format("bench-%d-%d-%d-", os.time(), reads, thread_no or 0)
  math.randomseed(os.time() + (thread_no or 0) * 7919)
end

function request()
  counter = counter + 1
  if counter % (reads + 1) ~= 0 then
    return wrk.format("GET", "/v1/products/" .. ids[math.random(#ids)], {
      ["Accept"] = "application/json",
      ["Authorization"] = "Bearer " .. token,
    })
  end
  local body = string.format('{"customer_id":"%s","lines":[{"product_id":"%s","quantity":1}]}',
    customer, ids[math.random(math.min(limit, #ids))])
  return wrk.format("POST", "/v1/orders", {
    ["Accept"] = "application/json",
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = prefix .. counter,
  }, body)
end

function response(status)
  if status ~= 200 and status ~= 201 then
    error("unexpected status " .. status)
  end
end
