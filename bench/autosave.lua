-- Autosaves at full speed for the exam day's throughput figure (P4), run with -tN -cN: each
-- wrk thread is one learner with its own started attempt (line OFFSET + n of the file given as
-- the first argument: the attempt's autosave path, a session key; QUESTION is the third). Every save changes an answer and sends the
-- version the previous save returned, so every request writes.
local count = 0

function setup(thread)
  count = count + 1
  thread:set("learner", count)
end

function init(args)
  local line_number = tonumber(args[2]) + learner
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n == line_number then
      path, session = line:match("(%S+) (%S+)")
    end
  end
  csrf = "benchcsrf" .. string.rep("x", 23)
  version = 0
  flip = false
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "sessionid=" .. session .. "; csrftoken=" .. csrf
  key = args[3]
end

function request()
  flip = not flip
  local body = "csrfmiddlewaretoken=" .. csrf .. "&version=" .. version .. "&q-" .. key .. "=" .. (flip and "a" or "b")
  return wrk.format("POST", path, nil, body)
end

function response(status, headers, body)
  local saved = body:match('"version": *(%d+)')
  if saved then
    version = saved
  end
end
