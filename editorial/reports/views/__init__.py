"""The report views, one module per report; ``base`` holds what they share."""
