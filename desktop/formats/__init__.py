"""Interchange formats the program accepts exactly as written (../shared/formats/): the mall's orders, and next set-up and inbound notices."""
