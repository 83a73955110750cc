-- GET /api/coverage (the cached report).
dofile(os.getenv("LOAD_DIR") .. "/report.lua")
request = function()
  return wrk.format("GET", "/api/coverage")
end
