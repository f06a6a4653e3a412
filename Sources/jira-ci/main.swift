import JiraCICLI

await CommandLineRun.main()
