import groovy.json.JsonSlurper

def json = new JsonSlurper().parse(new File(basedir, 'target/opcompare/results.json'))
assert json.backends.collect { it.id } == ['hipparchus', 'commons-math', 'vector-api']
json.backends.each { assert it.available : "${it.id}: ${it.reason}" }

def byBackend = { id, dtype -> json.cases.find { it.op == id[0] && it.dtype == dtype }.results.find { it.backend == id[1] } }
['hipparchus', 'commons-math', 'vector-api'].each { b ->
    ['float32', 'float64'].each { dtype ->
        def r = byBackend(['exp', b], dtype)
        assert r.status == 'ok' : "${b} ${dtype}: ${r.message}"
        // FastMath and the JDK's SVML exp are within an ulp; a wrong mapping would be far off.
        assert r.accuracy.maxUlp <= 1 : "${b} ${dtype}: ${r.accuracy.maxUlp}"
    }
}
// The FastMath libraries have no add (Java code writes +): unsupported, with the reason; the Vector API has ADD.
['hipparchus', 'commons-math'].each { b ->
    def r = byBackend(['add', b], 'float32')
    assert r.status == 'unsupported'
    assert r.message.contains('Java code writes the operator, which the jdk backend runs') : r.message
}
assert byBackend(['add', 'vector-api'], 'float32').status == 'ok'

// The Vector API's version: its species, and what the JVM can and cannot tell about its intrinsics.
def vector = json.backends.find { it.id == 'vector-api' }
assert vector.version.contains('species Species[float, ')
assert vector.version.contains('whether each call site used the intrinsic is known only from -XX:+PrintIntrinsics')
assert vector.runtime.contains('--add-modules') || vector.runtime.contains('jdk.incubator.vector') : vector.runtime
return true
