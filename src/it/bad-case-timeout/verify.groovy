def log = new File(basedir, 'build.log').text
// It used to be taken, and every result failed with "no answer within -1 s".
assert log.contains("opcompare configuration error: Invalid caseTimeout '-1': a duration cannot be negative; write one of at"
        + " least 1s, such as 600 (seconds), 90s or 10m") : 'the message does not name the parameter, the value and what is valid'
assert !log.contains('no answer within')
// Configuration errors are found before any backend starts.
assert !log.contains('ready (')
assert !new File(basedir, 'target/opcompare/results.json').exists()
return true
