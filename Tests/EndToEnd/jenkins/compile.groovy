// groovy -cp Tests/EndToEnd/jenkins:Tests/EndToEnd/jenkins/stubs compile.groovy [--library DIR] FILE...
//
// Compiles each FILE as Jenkins compiles a Jenkinsfile or a library's vars/*.groovy and src/ classes, to bytecode
// (syntax, then names: a class that does not exist is an error). With --library, DIR/src is on the class path, so
// vars that use the library's classes resolve them. Prints "FILE: ok" or the compiler's errors; exit 1 on any error.
import org.codehaus.groovy.control.CompilationFailedException

List<String> files = args as List
GroovyShell shell = PipelineCompiler.shell(this.class.classLoader)
if (files[0] == '--library') {
    shell.classLoader.addClasspath(new File(files[1], 'src').path)
    files = files.drop(2)
}
int failures = 0
files.each { String path ->
    File file = new File(path)
    try {
        if (path.endsWith('.groovy') && file.text =~ /(?m)^package /) {
            shell.classLoader.parseClass(file)
        } else {
            shell.parse(file.getText('UTF-8'), 'WorkflowScript')
        }
        println "${path}: ok"
    } catch (CompilationFailedException e) {
        failures++
        println "${path}: ${e.message}"
    }
}
System.exit(failures ? 1 : 0)
