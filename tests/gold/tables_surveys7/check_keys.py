"""Check tests/gold/tables_surveys7 against tests/gold/surveys7: the surveys2 checker (its docstring has the rules)."""
import runpy, sys, pathlib  # noqa: E401
if __name__ == "__main__":      # python3 tests/gold/tables_surveys7/check_keys.py [--quiet] [--uncovered]
    sys.exit(runpy.run_path(str(pathlib.Path(__file__).resolve().parents[1] / "tables_surveys2" / "check_keys.py"))["main_for"](__file__, lengths=(1500, 3000)))
