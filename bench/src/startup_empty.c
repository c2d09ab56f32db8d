/* startup_empty: the cost of a process that does nothing; also its size. */
int main(void)
{
	return 0;
}
