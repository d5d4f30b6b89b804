-- wrk script: GET /api/residents/by-id-number/{id} with an ID number picked at random from ids.txt
-- (one per line, all existing). Used by lookup.sh.
local ids = {}
for line in io.lines(os.getenv("RENKOU_IDS") or "ids.txt") do
  ids[#ids + 1] = line
end
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/api/residents/by-id-number/" .. ids[math.random(#ids)])
end

