"""Arabic as Morocco writes it: the day first, the month by its Moroccan name (the catalogue
gives ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر), the 24-hour clock, the Arabic comma between date and
time, and numbers grouped by threes with a space, as on the council's own documents."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
