from servicekb.cli import main

main()
