"""Language data files (one per language) and the frozen lexicon that reads them."""
