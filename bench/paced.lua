-- wrk script: paces every connection so that all of them together send about RATE requests a
-- second (plain wrk has no fixed-rate mode: a connection waits `pause` ms after each answer, so
-- the pause leaves out LAG ms, about one answer's time). The table reports the rate reached.
-- Environment: RATE (default 200), CONNS (wrk -c), LAG (default 5), and for a POST: METHOD,
-- BODY_FILE (the body), TOKEN (a bearer token).
local rate = tonumber(os.getenv("RATE") or "200")
local conns = tonumber(os.getenv("CONNS") or "8")
local lag = tonumber(os.getenv("LAG") or "5")
local pause = math.max(0, 1000 * conns / rate - lag)

local method = os.getenv("METHOD")
if method then
  wrk.method = method
  local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("TOKEN")
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function delay()
  return pause
end
