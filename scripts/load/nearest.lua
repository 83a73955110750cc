-- GET /api/nearest at random places near the region's stations (POINTS="lon,lat;lon,lat;…", each jittered by up to
-- about 300 m): where workers ask from, on the street network.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local points = {}
for lon, lat in string.gmatch(os.getenv("POINTS"), "([%d%.%-]+),([%d%.%-]+)") do points[#points + 1] = {tonumber(lon), tonumber(lat)} end
math.randomseed(os.time())
request = function()
  local p = points[math.random(#points)]
  return wrk.format("GET", string.format("/api/nearest?lon=%.6f&lat=%.6f&k=5", p[1] + (math.random() - 0.5) * 0.006,
    p[2] + (math.random() - 0.5) * 0.006))
end
