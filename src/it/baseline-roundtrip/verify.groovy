import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'src/opcompare/baseline.json'))
def mylib = baseline.cases[0].results.find { it.backend == 'mylib' }
// Recorded from run 1: the correctly rounded outputs.
assert mylib.accuracy.maxSteps == 0 && mylib.accuracy.correctlyRounded == 1.0

def lines = new File(basedir, 'build.log').readLines()
assert lines.any { it.contains('opcompare: no baseline at') }
assert lines.any { it.contains('opcompare: baseline of 1 case recorded in') }
// Run 2: the same results against the baseline just recorded.
assert lines.any { it.contains('opcompare: against the baseline') && it.contains(': 0 worse, 0 better') }
// Run 3: sqrt(2) is 3 steps off: maxSteps 0 -> 3, correctly rounded 100% -> 75% (3 of 4).
assert lines.any { it.endsWith('case sqrt/float64 backend mylib: maxSteps is 3, but the baseline has 0') }
assert lines.any { it.endsWith('case sqrt/float64 backend mylib: correctlyRounded is 0.75, but the baseline has 1.0') }
assert lines.any { it.contains('case sqrt/float64 backend mylib: maxUlp is ') }
// jdk-strict did not change; only its agreement with mylib, which is a fact about the pair.
assert lines.any { it.endsWith('case sqrt/float64 backend jdk-strict: agreement with mylib is 0.75, but the baseline has 1.0') }
assert !lines.any { it.contains('backend jdk-strict:') && it.contains('but the baseline has') && !it.contains('agreement with mylib') }
def check = new JsonSlurper().parse(new File(basedir, 'target/opcompare/check.json'))
assert !check.passed
assert check.baselineComparison.regressions.every { it.backend == 'mylib' || it.subject == 'agreement with mylib' }
assert check.baselineComparison.regressions.size() == 5

// Run 4: the report reads check.json beside results.json and shows the regression.
def index = new File(basedir, 'target/site/opcompare/index.html').text
assert index.contains('The check failed: 5 violations.')
// Every regression here is an accuracy metric that got worse; nothing got better.
assert index.contains('5 worse, 0 better against the baseline')
assert index.contains('<li>case sqrt/float64 backend mylib: maxSteps is 3, but the baseline has 0</li>')
assert index.contains('<span class="chg worse" title="worse than the baseline: ')
def page = new File(basedir, 'target/site/opcompare/cases/sqrt-float64.html').text.replaceAll(/\s*\n\s*/, '')
assert page.contains('<h2>Against the baseline</h2>')
// 0 steps had no relative change; 4 of 4 correctly rounded became 3 of 4: -25%.
assert page.contains('<td><code>mylib</code></td><td>maxSteps</td><td class="num"></td><td class="num">0</td><td class="num">3</td><td class="num">—</td>')
assert page.contains('<td><code>mylib</code></td><td>correctlyRounded</td><td class="num"></td><td class="num">100%</td><td class="num">75.00%</td><td class="num">-25.0%</td>')
assert page.contains('<td><code>jdk-strict</code></td><td>agreement with mylib</td>')
return true
