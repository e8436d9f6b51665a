-- Stops each wrk thread after the number of responses given as the first argument.
local limit, done = 0, 0

function init(args)
  limit = tonumber(args[1])
end

function response(status, headers, body)
  done = done + 1
  if done >= limit then
    wrk.thread:stop()
  end
end
