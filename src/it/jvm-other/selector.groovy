// Needs a second JDK: the one at the path the pom names (JDK 25 on this project's machines).
if (!new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java').canExecute()) {
    println 'jvm-other skipped: no JDK at /usr/lib/jvm/temurin-25-jdk-amd64'
    return false
}
return true
