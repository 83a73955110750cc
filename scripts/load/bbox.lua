-- GET /api/stations/compact?bbox= (what a map draws) for random map windows of about 2 km inside the region's box.
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
local b = {}
for v in string.gmatch(os.getenv("BBOX"), "[^,]+") do b[#b + 1] = tonumber(v) end
math.randomseed(os.time() + 1)
request = function()
  local w = 0.02
  local lon = b[1] + math.random() * math.max(0, b[3] - b[1] - w)
  local lat = b[2] + math.random() * math.max(0, b[4] - b[2] - w)
  return wrk.format("GET", string.format("/api/stations/compact?bbox=%.5f,%.5f,%.5f,%.5f", lon, lat, lon + w, lat + w))
end
