from wagtail import hooks

from .panels import SOPDeadlinesPanel


@hooks.register("construct_homepage_panels")
def add_sop_deadlines_panel(request, panels):
    panels.append(SOPDeadlinesPanel())
