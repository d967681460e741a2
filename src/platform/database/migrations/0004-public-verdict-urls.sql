-- Published verdicts are served at <public base>/public/verdicts/<id> (the path /verdicts/ had no
-- route, and paths outside /api and /public belong to the web desk). Published URLs move there.
UPDATE claim
SET public_url = regexp_replace(public_url, '/verdicts/([0-9a-f-]{36})$', '/public/verdicts/\1')
WHERE public_url ~ '/verdicts/[0-9a-f-]{36}$' AND public_url !~ '/public/verdicts/[0-9a-f-]{36}$';
