def log = new File(basedir, 'build.log').text
assert log.contains("Unknown op 'sqrtt'") : 'the message does not name the culprit'
assert log.contains('valid ops are: abs, neg, square, reciprocal, sqrt, rsqrt, cbrt, exp,') : 'the message does not list the valid ops'
// Configuration errors are found before any backend starts.
assert !log.contains('ready (tensorflow')
assert !new File(basedir, 'target/opcompare/results.json').exists()
return true
