/* startup_hello: a process that writes one line with write(); also its size. */
#include <unistd.h>

int main(void)
{
	static const char msg[] = "hello, world\n";
	return write(1, msg, sizeof msg - 1) == (long)(sizeof msg - 1) ? 0 : 1;
}
