package org.jenkinsci.plugins.workflow.libs

import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy

/** `@Library('name') _` in a Jenkinsfile: Jenkins loads the library before the script runs (the stand-in is told
 *  which library to load). */
@Retention(RetentionPolicy.SOURCE)
@interface Library {
    String[] value()
}
