import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.customizers.ImportCustomizer

/** Compiles pipeline scripts as Jenkins does: on PipelineScript (Jenkins' CpsScript) with the imports Jenkins adds
 *  to every script (@Library, @NonCPS). */
class PipelineCompiler {
    static GroovyShell shell(ClassLoader parent) {
        CompilerConfiguration configuration = new CompilerConfiguration()
        configuration.scriptBaseClass = PipelineScript.name
        ImportCustomizer imports = new ImportCustomizer()
        imports.addImports('org.jenkinsci.plugins.workflow.libs.Library', 'com.cloudbees.groovy.cps.NonCPS')
        configuration.addCompilationCustomizers(imports)
        new GroovyShell(parent, new Binding(), configuration)
    }
}
