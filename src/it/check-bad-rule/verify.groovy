def log = new File(basedir, 'build.log').text
assert log.contains("opcompare configuration error: rule 1: unknown metric 'maxUlpp'; valid metrics are: maxUlp, meanUlp, maxRelativeError, correctlyRounded, maxSteps, agreement, reproducible, specialMismatches, medianNanos")
assert !new File(basedir, 'target/opcompare/check.json').exists()
return true
