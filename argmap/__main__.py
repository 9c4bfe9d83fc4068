from argmap.cli import main

main()
