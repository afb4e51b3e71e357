-- GET /v1/products/{id} for ids picked at random from the seeded ones (IDS_FILE).
local ids = {}
local token = os.getenv("TOKEN")

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    ids[#ids + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring(ids):sub(8), 16) % 1000)
end

function request()
  return wrk.format("GET", "/v1/products/" .. ids[math.random(#ids)], {
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. token,
  })
end

function response(status)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
