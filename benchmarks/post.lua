-- wrk script for the load run's JSON POSTs: the body, and in token mode the antiforgery cookie
-- and header the load script fetched from /token (COOKIE, TOKEN in the environment).
wrk.method = "POST"
wrk.body = '{"name":"benchmark"}'
wrk.headers["Content-Type"] = "application/json"
local cookie = os.getenv("COOKIE")
local token = os.getenv("TOKEN")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
  wrk.headers["X-XSRF-TOKEN"] = token
end
