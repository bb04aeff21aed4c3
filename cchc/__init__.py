"""The ``cchc`` command line: ``cchc.cli.main`` parses arguments and calls the command modules."""
