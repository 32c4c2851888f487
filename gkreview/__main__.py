from gkreview.review.cli import main

main()
