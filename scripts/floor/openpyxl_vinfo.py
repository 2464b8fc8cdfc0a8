#!/usr/bin/env python3
"""The import benchmark's comparison: openpyxl in read-only mode reading every row of a workbook's vInfo sheet,
values only (the streaming reader openpyxl documents for large files), and printing how many rows it read.

usage: openpyxl_vinfo.py FILE.xlsx   (run with the benchmark's venv, where openpyxl is installed)
"""
import sys

import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for _ in workbook["vInfo"].iter_rows(values_only=True))
workbook.close()
print(rows)
