import groovy.json.JsonSlurper
import io.github.opcompare.plugin.workflow.GithubWorkflow
import io.github.opcompare.plugin.workflow.LocalWorkflowRun

// The jobs' mvn is this build's Maven, with the integration tests' settings and local repository.
def q = { "'" + it.toString().replace("'", "'\\''") + "'" }
def settings = new File(basedir, '../interpolated-settings.xml').canonicalPath
def mvn = "mvn() { ${q(System.getProperty('maven.home') + '/bin/mvn')} -s ${q(settings)}" +
        " -Dmaven.repo.local=${q(localRepositoryPath)} \"\$@\"; }"
// One machine type, as the workflow's matrix gives it: cheap backends for a test.
def work = LocalWorkflowRun.run(GithubWorkflow.read(new File(workflowFile).toPath()), basedir.toPath(),
        [name: 'local', runner: 'this machine', backends: 'jdk,jdk-strict'], mvn)

def json = { new JsonSlurper().parse(new File(work.toFile(), it)) }
def labels = { r -> r.cases.collect { "${it.id}/${it.dtype}".toString() } }
def plan = ['sqrt/float32', 'sqrt/float64', 'exp/float64']

// Each shard uploaded its part under the workflow's artifact name.
def one = json('artifacts/results-local-1/results.json'), two = json('artifacts/results-local-2/results.json')
assert one.shard.index == 1 && two.shard.index == 2 && one.shard.count == 2 && one.shard.planned == plan
assert labels(one) == ['sqrt/float32', 'exp/float64'] && labels(two) == ['sqrt/float64']
assert (one.backends*.id as Set) == ['jdk', 'jdk-strict'] as Set

// The merge job merged them (one machine: a plain results file) and published results and report.
def merged = json('merge/target/opcompare/results.json')
assert merged.shard == null && merged.machines == null && merged.complete && labels(merged) == plan
assert merged.cases == [one.cases[0], two.cases[0], one.cases[1]]
assert json('artifacts/opcompare-report/opcompare/results.json') == merged
assert new File(work.toFile(), 'artifacts/opcompare-report/site/opcompare/index.html').text.contains('sqrt')
return true
