"""The poller the bot schedules (it lives with the pipeline it drives)."""

from feeds.pipeline import JOB_KWARGS, CycleReport, Poller

__all__ = ["JOB_KWARGS", "CycleReport", "Poller"]
