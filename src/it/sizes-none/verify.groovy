import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.cases.size() == 1
json.cases[0].results.each { r ->
    assert r.status == 'ok' : "${r.backend}: ${r.message}"
    // Accuracy as always, and not one size timed.
    assert r.accuracy.correctlyRounded == 1.0
    assert !r.timing : "${r.backend} was timed at ${r.timing*.size}"
}
return true
