"""The demo: its curriculum, quiz, handbooks, people and certificate template are data files
in `demo/data/`, in French and Arabic; `seed_demo` loads them through each app's functions."""
