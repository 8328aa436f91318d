import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends*.id == ['nd4j-cpu']
def c = json.cases[0]
assert c.results*.backend == ['nd4j-cpu']
assert c.size == 3
def log = new File(basedir, 'build.log').text
assert !log.contains('tensorflow-cpu ready')
return true
