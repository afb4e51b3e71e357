-- GET /v1/products?limit=20: the first page in the default order.
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

function response(status)
  if status ~= 200 then
    error("unexpected status " .. status)
  end
end
