import JiraCICLI

CommandLineRun.start()
