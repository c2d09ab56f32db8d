/* startup_atexit1k: a process that registers 1000 exit handlers, then returns. */
#include <stdlib.h>

static void handler(void)
{
}

int main(void)
{
	for (int i = 0; i < 1000; i++)
		if (atexit(handler) != 0)
			return 1;
	return 0;
}
