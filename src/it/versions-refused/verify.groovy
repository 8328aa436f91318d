def log = new File(basedir, 'build.log').text
assert log.contains('opcompare configuration error: backend tensorflow-cpu@1.9.0: tensorflow 1.9.0 is not a tested version;'
        + ' tested versions of tensorflow: 0.5.0, 1.0.0, 1.1.0.')
assert log.contains('<allowUntestedVersions>true</allowUntestedVersions>')
assert log.contains('opcompare: backend tensorflow-cpu@1.9.0 runs tensorflow 1.9.0, which is not a tested version')
assert log.contains('opcompare configuration error: backend tensorflow-cpu@1.9.0: tensorflow 1.9.0 does not resolve: tried'
        + ' org.tensorflow:tensorflow-core-api:jar:1.9.0 from')
// Nothing ran.
assert !log.contains(' ready (')
assert !new File(basedir, 'target/opcompare/results.json').exists()
return true
