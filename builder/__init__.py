"""City Innovation Profiles: a static site generator for facts distilled from news articles."""
