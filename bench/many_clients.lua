-- Each request comes from another client address (as behind the load balancer), so that
-- per-address rate limits measure many learners, not one machine hammering the platform.
local counter = 0

request = function()
  counter = counter + 1
  wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", counter % 250, math.floor(counter / 250) % 250, math.floor(counter / 62500) % 250 + 1)
  return wrk.format()
end
