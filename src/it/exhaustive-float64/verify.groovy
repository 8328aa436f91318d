def log = new File(basedir, 'build.log').text
// It used to stop the build with an internal error ("cannot tile an empty input", PluginExecutionException).
assert log.contains("opcompare configuration error: Invalid case 1: 'exhaustive' has 2^64 values of float64, more than the"
        + " 50000000 a case holds; sweeps in chunks cover float32 (up to 2^32 values); for float64 narrow it with"
        + " exhaustive(lo,hi) or sample it with binades(lo,hi)") : 'the message does not say why and what to write instead'
assert !log.contains('cannot tile')
assert !log.contains('ready (')
assert !new File(basedir, 'target/opcompare/results.json').exists()
return true
