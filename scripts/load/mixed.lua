-- Nine reads (nearest, stations by map window) for each write: a signed-in editor (HTTP Basic, AUTH_B64) adds a station
-- near a random existing one (POINTS, jittered by up to about 300 m); refusals (a likely duplicate, 400) count as non-2xx.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local points = {}
for lon, lat in string.gmatch(os.getenv("POINTS"), "([%d%.%-]+),([%d%.%-]+)") do points[#points + 1] = {tonumber(lon), tonumber(lat)} end
local auth = "Basic " .. os.getenv("AUTH_B64")
local n = 0
math.randomseed(os.time() + 2)
request = function()
  n = n + 1
  local p = points[math.random(#points)]
  local lon = p[1] + (math.random() - 0.5) * 0.006
  local lat = p[2] + (math.random() - 0.5) * 0.006
  if n % 10 == 0 then
    local body = string.format('{"name":"压测驿站%d-%d","kind":"OUTDOOR_STATION","lon":%.6f,"lat":%.6f}', n, math.random(1, 1e9), lon, lat)
    return wrk.format("POST", "/api/stations", {["Content-Type"] = "application/json", ["Authorization"] = auth}, body)
  elseif n % 2 == 0 then
    return wrk.format("GET", string.format("/api/nearest?lon=%.6f&lat=%.6f&k=5", lon, lat))
  end
  return wrk.format("GET", string.format("/api/stations?bbox=%.5f,%.5f,%.5f,%.5f", lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01))
end
