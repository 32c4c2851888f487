"""The Chinese NER for names, addresses and birth dates: tokenizer, corpus, training, metrics."""
