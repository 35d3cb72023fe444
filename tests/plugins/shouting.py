"""A stage registered from outside the dateline package, as a user's own package would."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from dateline.pipeline import StageConfig, stage
from dateline.records import Article


@dataclass(frozen=True)
class ShoutConfig(StageConfig):
    """Settings of the toy stage."""

    marks: int = field(default=1, metadata={"help": "exclamation marks added to the title"})


@stage("shout", requires={"text"}, assigns={"shouted"}, config=ShoutConfig, help="the title in capitals")
def shout(article: Article, config: ShoutConfig = ShoutConfig()) -> Article:
    """Upper-case the article's title (its first words when it has none)."""
    title = article.title or " ".join(article.text.split()[:3])
    return replace(article, title=title.upper() + "!" * config.marks)
