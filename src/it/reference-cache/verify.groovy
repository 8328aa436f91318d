// Two builds, one log: the first computed the references, the second read them from the cache.
import groovy.json.JsonSlurper

def cache = new File(basedir, 'target/opcompare-cache')
def files = cache.listFiles().findAll { it.name.endsWith('.ref') }
assert files.size() == 2 : "one cached reference per case expected in $cache, found ${cache.list()}"
// Hidden temporaries of the atomic writes are gone.
assert cache.list().every { it.endsWith('.ref') } : "stray files in $cache: ${cache.list()}"

def lines = new File(basedir, 'build.log').readLines()
['sqrt/float32', 'exp/float64'].each { label ->
    def progress = lines.findAll { it =~ /\[\d\/2\] ${java.util.regex.Pattern.quote(label)} \(/ }
    assert progress.size() == 2 : "two progress lines for $label expected: $progress"
    assert !progress[0].contains('reference cached') : "the first build cannot have had a cache: ${progress[0]}"
    assert progress[1].endsWith(' s, reference cached)') : "the second build did not use the cache: ${progress[1]}"
}
assert !lines.any { it.contains('[WARNING] opcompare:') && it.contains('cache') } : 'a cache warning'

// The second build's results are whole and judged against the cached reference.
def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.complete == true
def sqrt = json.cases.find { it.id == 'sqrt' }
// IEEE sqrt is correctly rounded: against a sound reference every output is.
assert sqrt.results[0].status == 'ok'
assert sqrt.results[0].accuracy.correctlyRounded == 1.0
assert sqrt.results[0].accuracy.maxSteps == 0
def exp = json.cases.find { it.id == 'exp' }
assert exp.size == 20000
assert exp.results[0].accuracy.maxUlp < 1.0 : "java.lang.Math.exp is within 1 ulp: ${exp.results[0].accuracy}"
return true
