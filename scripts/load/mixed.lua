-- Nine reads (nearest, stations by box) for each write: a signed-in editor (HTTP Basic, AUTH="user:password") adds a
-- station at a random place of the region's box; refusals (e.g. too far from a road, 400) count as non-2xx.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local b = {}
for v in string.gmatch(os.getenv("BBOX"), "[^,]+") do b[#b + 1] = tonumber(v) end
local auth = "Basic " .. os.getenv("AUTH_B64")
local n = 0
math.randomseed(os.time() + 2)
request = function()
  n = n + 1
  local lon = b[1] + math.random() * (b[3] - b[1])
  local lat = b[2] + math.random() * (b[4] - b[2])
  if n % 10 == 0 then
    local body = string.format('{"name":"压测驿站%d-%d","kind":"OUTDOOR_STATION","lon":%.6f,"lat":%.6f}', n, math.random(1, 1e9), lon, lat)
    return wrk.format("POST", "/api/stations", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
  elseif n % 2 == 0 then
    return wrk.format("GET", string.format("/api/nearest?lon=%.6f&lat=%.6f&k=5", lon, lat))
  end
  return wrk.format("GET", string.format("/api/stations?bbox=%.5f,%.5f,%.5f,%.5f", lon, lat, lon + 0.02, lat + 0.02))
end
